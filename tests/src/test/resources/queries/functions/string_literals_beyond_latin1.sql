-- Literals beyond ISO-8859-1 (Calcite's default charset): '€', CJK and an emoji, compared, concatenated and measured.
select n_name || ' · ' || '€ 東京 🐟' as labelled, length('€ 東京 🐟') as chars, n_name < 'Ωmega' as before_omega
from nation
where n_name <> '日本'
order by n_name
