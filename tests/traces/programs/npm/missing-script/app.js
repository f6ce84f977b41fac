console.log('listening')
