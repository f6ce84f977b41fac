set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/app.git
git clone -q git/app.git src/app 2>/dev/null && cd src/app
echo base > base.txt && git add . && git commit -qm base && git push -q origin main
git switch -qc feature/search
echo s > search.txt && git add . && git commit -qm "search endpoint" && git push -q -u origin feature/search
git switch -q main && echo m > main.txt && git add . && git commit -qm "hotfix on main" && git push -q origin main
git switch -q feature/search && git rebase -q main
