const { useEffect, useState, createElement: h } = React;

function TeamList() {
  const [members, setMembers] = useState();

  useEffect(() => {
    fetch('/api/team.json').then((r) => r.json()).then(setMembers);
  }, []);

  return h('ul', null, members.map((m) => h('li', { key: m.id }, `${m.name} (${m.role})`)));
}

ReactDOM.createRoot(document.getElementById('root')).render(h(TeamList));
