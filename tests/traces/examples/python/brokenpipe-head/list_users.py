for i in range(200000):
    print(f"user{i:06d}:x:{1000 + i}:{1000 + i}::/home/user{i:06d}:/bin/bash")
