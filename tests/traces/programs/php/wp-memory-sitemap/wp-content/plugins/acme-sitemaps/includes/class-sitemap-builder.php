<?php
class Acme_Sitemap_Builder
{
    private array $urls = [];

    public function collect(int $posts): void
    {
        for ($id = 1; $id <= $posts; $id++) {
            // Keeps the full rendered entry of every post in memory before writing anything.
            $this->urls[] = [
                'loc'     => "https://shop.example.com/?p={$id}",
                'lastmod' => date('c', 1700000000 + $id),
                'images'  => array_fill(0, 8, str_repeat('x', 512)),
            ];
        }
    }
}
