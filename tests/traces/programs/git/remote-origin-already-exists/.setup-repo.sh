set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare git/site.git
git init -q src/site && cd src/site
echo x > index.html && git add . && git commit -qm init
git remote add origin /home/sven/git/sit.git
