#!/usr/bin/env node
// deploy-cli: reads the target from deploy.json and prints the plan.
const targets = require('./deploy.json');
const env = process.argv[2] || 'staging';

const target = targets[env];
console.log(`deploying to ${target.host} as ${target.user}`);
