-- Makes the attached hapmatrix database the default one of this connection.
USE hapmatrix
