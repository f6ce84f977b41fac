#!/bin/sh
cd /srv/apps/chat
pm2 restart chat-server
