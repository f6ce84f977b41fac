set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/shop.git
git clone -q git/shop.git src/shop 2>/dev/null && cd src/shop
printf 'VAT = 0.19\n' > config.py && git add . && git commit -qm "vat" && git push -q origin main
git switch -qc feature/reduced-vat
printf 'VAT = 0.07\n' > config.py && git commit -qam "reduced vat"
git switch -q main
printf 'VAT = 0.20\n' > config.py && git commit -qam "vat 20"
git merge -q feature/reduced-vat >/dev/null 2>&1 || true
