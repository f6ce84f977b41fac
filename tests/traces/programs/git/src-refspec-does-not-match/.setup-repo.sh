set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q --bare /home/sven/git/site.git
git init -q src/site && cd src/site
echo "<h1>hi</h1>" > index.html
git remote add origin /home/sven/git/site.git
