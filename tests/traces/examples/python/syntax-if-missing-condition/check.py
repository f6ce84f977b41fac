score = 71
if :
    print("ok")
