set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/webmaker.git
git clone -q git/webmaker.git src/webmaker 2>/dev/null && cd src/webmaker
git switch -qc mybranch
echo "fix" > fix.txt && git add . && git commit -qm "Fix typo in header" && git push -q -u origin mybranch
echo "fix header and footer" > fix.txt && git commit -q --amend -am "Fix typos in header and footer"
