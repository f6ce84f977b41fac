set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/shop.git
mkdir -p src/shop && echo "notes" > src/shop/TODO.txt
