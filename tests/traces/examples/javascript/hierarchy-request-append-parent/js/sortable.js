// Drag-and-drop: move the dragged item into the drop target.
function moveInto(item, target) {
  target.appendChild(item);
}

moveInto(document.getElementById('item-1'), document.getElementById('sub'));
