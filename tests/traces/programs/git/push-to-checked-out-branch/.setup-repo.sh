set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q server/blog && cd server/blog
echo "post 1" > post1.md && git add . && git commit -qm "first post"
cd ../..
git clone -q server/blog laptop/blog && cd laptop/blog
echo "post 2" > post2.md && git add . && git commit -qm "second post"
