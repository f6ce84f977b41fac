<?php
namespace Acme\PdfEngine;

class FontLibrary
{
    private array $glyphs = [];

    public function loadAll(string $dir): void
    {
        foreach (['DejaVuSans', 'DejaVuSerif', 'NotoSans', 'NotoSerif', 'NotoSansCJK', 'Roboto', 'OpenSans', 'Lato'] as $font) {
            for ($cp = 0; $cp < 0x30000; $cp++) {
                $this->glyphs[$font][$cp] = ['w' => ($cp * 7) % 1000, 'path' => str_repeat('l', 24) . $cp];
            }
        }
    }
}
