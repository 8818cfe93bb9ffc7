-- A block's position is stored as the reader gives it (model.Pos), whatever
-- the format: a .txt block's last line joins its first. Rows loaded before
-- keep NULL until their file is read again.
ALTER TABLE blocks ADD COLUMN end_line INTEGER;
