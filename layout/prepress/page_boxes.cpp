// page_boxes.cpp — placeholder while the stage is written.
