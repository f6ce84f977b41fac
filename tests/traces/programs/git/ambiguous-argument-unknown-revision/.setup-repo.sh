set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q tools/cli && cd tools/cli
echo a > a.txt && git add . && git commit -qm "one"
echo b > b.txt && git add . && git commit -qm "two"
