set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q src/docs && cd src/docs
printf 'Install with make install\n' > README.md && git add . && git commit -qm "readme"
git switch -qc my-branch
printf 'Install with ./install.sh\n' > README.md && git commit -qam "document install script"
git switch -q main
printf 'Install with make install PREFIX=/usr\n' > README.md && git commit -qam "mention PREFIX"
git switch -q my-branch
