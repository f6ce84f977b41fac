const list = document.getElementById('comments');
const comments = [{ author: 'Mia', text: 'Great post!' }];

for (const c of comments) {
  list.appendChild(`<li><b>${c.author}</b>: ${c.text}</li>`);
}
