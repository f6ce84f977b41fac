EXPORT_DIR = r"C:\Exports\"
print(EXPORT_DIR)
