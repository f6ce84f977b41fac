document.getElementById('app').textContent = 'ready';
//# sourceMappingURL=app.js.map
