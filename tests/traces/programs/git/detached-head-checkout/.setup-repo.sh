set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q go/src/ratelimit && cd go/src/ratelimit
for v in 1 2 3; do echo "v$v" > VERSION; git add .; git commit -qm "release v$v"; git tag "v1.$v.0"; done
