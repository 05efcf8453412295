-- A fixture for SqlTemplateTest (test classpath only): a placeholder used twice, and another.
SELECT {{column}} AS {{column}}, 'text with -- inside' AS literal FROM {{table}}
