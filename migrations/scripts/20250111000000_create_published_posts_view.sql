-- // create published_posts view
-- What the front page lists: published posts with author and comment count.
CREATE VIEW published_posts AS
SELECT p.id,
       p.title,
       u.full_name AS author,
       (SELECT count(*) FROM comments c WHERE c.post_id = p.id) AS comment_count,
       p.created_at
  FROM posts p
  JOIN users u ON u.id = p.user_id
 WHERE p.status = 'published';

-- //@UNDO
DROP VIEW published_posts;
