courses = {"algebra": [71, 88, 93], "geometry": []}

for course, scores in courses.items():
    print(course, round(sum(scores) / len(scores), 1))
