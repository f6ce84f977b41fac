def chart(**opts):
    return opts

print(chart(title="Sales", width=800, title="Revenue"))
