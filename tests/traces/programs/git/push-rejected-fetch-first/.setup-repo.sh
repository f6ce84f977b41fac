set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare srv/git/wiki.git
git clone -q srv/git/wiki.git colleague/wiki 2>/dev/null && cd colleague/wiki
echo "home" > Home.md && git add . && git commit -qm "home page" && git push -q origin main
cd ../..
git clone -q srv/git/wiki.git src/wiki
cd colleague/wiki && echo "faq" > FAQ.md && git add . && git commit -qm "add FAQ" && git push -q origin main
cd ../../src/wiki && echo "setup" > Setup.md && git add . && git commit -qm "add setup page"
