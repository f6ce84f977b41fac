set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q src/payments && cd src/payments
echo "# payments" > README.md && git add . && git commit -qm "initial import"
git switch -qc feature/refunds && git switch -q main
