-- // add post numbers and comment count function
-- PostgreSQL only: a sequence that numbers posts for permalinks, and a PL/pgSQL
-- function that counts a post's comments.
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

-- //@UNDO
${postgres_only}DROP FUNCTION post_comment_count(INTEGER);
${postgres_only}DROP SEQUENCE post_number_seq;
