#!/bin/bash
VERSION=$(cat VERSION)
echo "tagging v$VERSION"
git tag -a "v$VERSION" -m "Release $VERSION
echo "pushing tags"
git push --tags
