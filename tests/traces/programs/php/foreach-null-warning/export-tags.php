<?php
$posts = json_decode(file_get_contents(__DIR__ . '/posts.json'), true);

$tagCounts = [];
foreach ($posts as $post) {
    foreach ($post['tags'] as $tag) {
        $tagCounts[$tag] = ($tagCounts[$tag] ?? 0) + 1;
    }
}
arsort($tagCounts);
print_r(array_slice($tagCounts, 0, 3, true));
exit(count($tagCounts) >= 3 ? 0 : 1);
