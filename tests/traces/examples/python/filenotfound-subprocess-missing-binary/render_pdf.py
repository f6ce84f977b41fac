import subprocess
import sys

number = sys.argv[1]
subprocess.run(["wkhtmltopdf", f"html/{number}.html", f"pdf/{number}.pdf"], check=True)
print("rendered", number)
