from bookclub.app import app

if __name__ == "__main__":
    app.run(port=5183)
