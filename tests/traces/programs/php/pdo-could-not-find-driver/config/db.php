<?php
return ['dsn' => 'sqlsrv:Server=sql01.corp.local;Database=erp', 'user' => 'erp_reader', 'pass' => 'secret'];
