/** The start-up baseline of bench/startup.sh: a Java hello world. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello world");
    }
}
