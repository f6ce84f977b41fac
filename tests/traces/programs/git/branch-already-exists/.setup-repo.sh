set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q src/shop && cd src/shop
echo x > x && git add . && git commit -qm init
git branch hotfix/vat-rounding
