set -e
git config --global user.name "Maria Lopez"
git config --global user.email maria@example.org
git config --global init.defaultBranch main

git init -q src/api && cd src/api
printf 'port: 8080\n' > config.yml && git add . && git commit -qm init
git switch -qc release && printf 'port: 80\n' > config.yml && git commit -qam "release port"
git switch -q main
printf 'port: 9090\n' > config.yml
