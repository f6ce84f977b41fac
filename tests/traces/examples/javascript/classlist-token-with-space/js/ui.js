document.getElementById('buy').classList.add('btn btn-primary');
