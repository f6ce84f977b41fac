set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q src/shop && cd src/shop
printf 'VAT = 0.19\n' > config.py && git add . && git commit -qm "vat"
git switch -qc feature/reduced-vat
printf 'VAT = 0.07\n' > config.py && git commit -qam "reduced vat"
git switch -q main
printf 'VAT = 0.20\n' > config.py && git commit -qam "vat 20"
