set -e

set -e
git init -q app && cd app
echo "release" > RELEASE && git add .
