set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/app.git
git clone -q git/app.git code/app 2>/dev/null && cd code/app
echo x > x && git add . && git commit -qm init && git push -q origin main
git switch -qc feature/search && echo s > s && git add . && git commit -qm search
