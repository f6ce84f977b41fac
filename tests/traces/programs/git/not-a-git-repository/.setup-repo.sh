set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

mkdir -p Downloads/shop-main/src
echo "print('hi')" > Downloads/shop-main/src/app.py
