set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/docs.git
git init -q work/docs && cd work/docs
echo "# Docs" > README.md && git add . && git commit -qm "Initial commit from the web UI"
git push -q ../../git/docs.git main
cd ../..
git init -q projects/docs && cd projects/docs
echo "intro" > intro.md && git add . && git commit -qm "local draft"
git remote add origin /home/kaito/git/docs.git
git config pull.rebase false
