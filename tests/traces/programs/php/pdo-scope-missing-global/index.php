<?php
require 'includes/config.php';
require 'includes/functions.php';

echo '<title>' . page_title(1) . '</title>';
foreach (menu_items() as $item) {
    echo "<a href=\"?p={$item['id']}\">{$item['title']}</a>";
}
