set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/api.git
git clone -q git/api.git a/api 2>/dev/null && cd a/api
echo "v1" > VERSION && git add . && git commit -qm "v1" && git push -q origin main
cd ../..
git clone -q git/api.git src/api
cd a/api && echo "v2" > VERSION && git commit -qam "bump to v2" && git push -q origin main
cd ../../src/api && echo "notes" > NOTES.md && git add . && git commit -qm "add notes"
