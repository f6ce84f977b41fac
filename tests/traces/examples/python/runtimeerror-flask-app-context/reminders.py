from flask import Flask, current_app

app = Flask(__name__)
app.config["REMINDER_DAYS"] = 3


def due_reminders():
    days = current_app.config["REMINDER_DAYS"]
    return [f"book due in {days} days"]


print(due_reminders())
