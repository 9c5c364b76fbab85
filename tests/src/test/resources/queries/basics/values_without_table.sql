select 1 + 1, 'shoal', date '2024-02-29', 2.50 * 2
