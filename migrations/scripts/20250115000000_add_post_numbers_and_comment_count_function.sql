-- // add post numbers and comment count function
-- PostgreSQL and MariaDB: a sequence that numbers posts for permalinks, and a
-- function (PL/pgSQL, SQL/PSM) that counts a post's comments.
--
-- The function body holds ";" at the end of its lines, where MyBatis would cut
-- the statement. The DELIMITER lines switch the statement end to "~" around it
-- and back; they must come back to ";" before the end of the section, because
-- MyBatis keeps the delimiter across the scripts of one apply.
${postgres_only}CREATE SEQUENCE post_number_seq START WITH 1000;
-- @DELIMITER ~
${postgres_only}CREATE FUNCTION post_comment_count(p_post_id INTEGER) RETURNS INTEGER AS $$
${postgres_only}DECLARE
${postgres_only}  n INTEGER;
${postgres_only}BEGIN
${postgres_only}  SELECT count(*) INTO n FROM comments WHERE post_id = p_post_id;
${postgres_only}  RETURN n;
${postgres_only}END;
${postgres_only}$$ LANGUAGE plpgsql STABLE~
-- @DELIMITER ;

-- MariaDB has sequences too, and SQL/PSM routines and triggers whose bodies
-- hold ";" as well: the same DELIMITER lines around them. Its trigger keeps
-- the old published flag in step with status while readers still use it.
${mariadb_only}CREATE SEQUENCE post_number_seq START WITH 1000;
-- @DELIMITER ~
${mariadb_only}CREATE FUNCTION post_comment_count(p_post_id INTEGER) RETURNS INTEGER READS SQL DATA
${mariadb_only}BEGIN
${mariadb_only}  DECLARE n INTEGER;
${mariadb_only}  SELECT count(*) INTO n FROM comments WHERE post_id = p_post_id;
${mariadb_only}  RETURN n;
${mariadb_only}END~
${mariadb_only}CREATE TRIGGER tr_posts_published_follows_status BEFORE UPDATE ON posts FOR EACH ROW
${mariadb_only}BEGIN
${mariadb_only}  IF NEW.status <> OLD.status THEN
${mariadb_only}    SET NEW.published = IF(NEW.status = 'published', 1, 0);
${mariadb_only}  END IF;
${mariadb_only}END~
-- @DELIMITER ;

-- //@UNDO
${postgres_only}DROP FUNCTION post_comment_count(INTEGER);
${postgres_only}DROP SEQUENCE post_number_seq;
${mariadb_only}DROP TRIGGER tr_posts_published_follows_status;
${mariadb_only}DROP FUNCTION post_comment_count;
${mariadb_only}DROP SEQUENCE post_number_seq;
