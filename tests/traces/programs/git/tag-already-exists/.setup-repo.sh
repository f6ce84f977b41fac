set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q . 
echo "1.2.0" > VERSION && git add . && git commit -qm "release 1.2.0" && git tag v1.2.0
echo "1.2.1" > VERSION && git commit -qam "fix rounding"
